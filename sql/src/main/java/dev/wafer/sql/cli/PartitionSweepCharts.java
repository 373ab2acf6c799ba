package dev.wafer.sql.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/** The seed's two charts of a partition sweep, as PNG files (XChart). */
final class PartitionSweepCharts {
  static final String TIME_PNG = "partition-sweep-time.png";
  static final String THROUGHPUT_PNG = "partition-sweep-throughput.png";

  private PartitionSweepCharts() {}

  static void write(Path dir, List<BenchCommand.Point> points) throws IOException {
    double[] x = points.stream().mapToDouble(BenchCommand.Point::partitions).toArray();
    XYChart time = new XYChartBuilder().width(900).height(550)
        .title("Query time vs partitions (median)").xAxisTitle("partitions").yAxisTitle("ms").build();
    time.getStyler().setXAxisLogarithmic(true);
    time.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    time.addSeries("total (query)", x, points.stream().mapToDouble(BenchCommand.Point::totalMs).toArray());
    time.addSeries("scan (SUM of one column)", x,
        points.stream().mapToDouble(BenchCommand.Point::scanMs).toArray());
    BitmapEncoder.saveBitmap(time, dir.resolve(TIME_PNG).toString(), BitmapEncoder.BitmapFormat.PNG);

    XYChart throughput = new XYChartBuilder().width(900).height(550)
        .title("Throughput vs partitions").xAxisTitle("partitions").yAxisTitle("million rows/s").build();
    throughput.getStyler().setXAxisLogarithmic(true);
    throughput.getStyler().setLegendVisible(false);
    throughput.addSeries("throughput", x, points.stream()
        .mapToDouble(p -> p.balance().totalRows() / (p.totalMs() / 1e3) / 1e6).toArray());
    BitmapEncoder.saveBitmap(throughput, dir.resolve(THROUGHPUT_PNG).toString(),
        BitmapEncoder.BitmapFormat.PNG);
  }
}
