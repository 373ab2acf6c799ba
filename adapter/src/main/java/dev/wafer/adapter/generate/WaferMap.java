package dev.wafer.adapter.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The fixed population of devices: which wafer and lot each device belongs to and where it sits
 * on its wafer. Device numbers 1–10,000 map in blocks of 200 onto wafers W001–W050 (device
 * {@code D00001}–{@code D00200} on W001, …); wafers W001–W025 form lot LOT01 and W026–W050 lot
 * LOT02.
 *
 * <p>The 200 die sites of a wafer are the 200 cells of a 16 × 16 grid nearest to its centre
 * (a round wafer, symmetric about both axes and both diagonals), numbered in raster order (row {@code
 * die_y}, then column {@code die_x}, both 0–15). The n-th device of a wafer sits on the n-th
 * site, so each device has one fixed position, unique within its wafer.
 *
 * <p>All lookups are by zero-based device index (device number − 1) into plain arrays so the
 * generator's loops stay free of calls and allocation.
 */
public final class WaferMap {
  public static final int DEVICES = 10_000;
  public static final int DEVICES_PER_WAFER = 200;
  public static final int WAFERS = DEVICES / DEVICES_PER_WAFER;
  public static final int WAFERS_PER_LOT = 25;
  public static final int LOTS = WAFERS / WAFERS_PER_LOT;
  /** Width and height of the die grid. */
  public static final int GRID = 16;

  private static final int[] SITE_X = new int[DEVICES_PER_WAFER];
  private static final int[] SITE_Y = new int[DEVICES_PER_WAFER];

  static {
    List<int[]> cells = new ArrayList<>();
    for (int y = 0; y < GRID; y++) {
      for (int x = 0; x < GRID; x++) {
        cells.add(new int[] {x, y});
      }
    }
    // Integer arithmetic on doubled coordinates: the centre is (GRID - 1) / 2 in each axis.
    // Ties at the rim are broken towards the axis-diagonal cells (smaller Chebyshev distance),
    // which keeps the 200 sites symmetric under rotation and reflection.
    Comparator<int[]> byDistance = Comparator.comparingInt(c -> squaredDistanceTimes4(c[0], c[1]));
    cells.sort(byDistance.thenComparingInt(c -> chebyshevTimes2(c[0], c[1]))
        .thenComparingInt(c -> c[1]).thenComparingInt(c -> c[0]));
    List<int[]> sites = new ArrayList<>(cells.subList(0, DEVICES_PER_WAFER));
    sites.sort(Comparator.<int[]>comparingInt(c -> c[1]).thenComparingInt(c -> c[0]));
    for (int i = 0; i < DEVICES_PER_WAFER; i++) {
      SITE_X[i] = sites.get(i)[0];
      SITE_Y[i] = sites.get(i)[1];
    }
  }

  private WaferMap() {}

  private static int chebyshevTimes2(int x, int y) {
    return Math.max(Math.abs(2 * x - (GRID - 1)), Math.abs(2 * y - (GRID - 1)));
  }

  private static int squaredDistanceTimes4(int x, int y) {
    int dx = 2 * x - (GRID - 1);
    int dy = 2 * y - (GRID - 1);
    return dx * dx + dy * dy;
  }

  /** Zero-based wafer index (0 = W001) of a zero-based device index. */
  public static int waferOf(int device) {
    return device / DEVICES_PER_WAFER;
  }

  /** Zero-based lot index (0 = LOT01) of a zero-based wafer index. */
  public static int lotOfWafer(int wafer) {
    return wafer / WAFERS_PER_LOT;
  }

  /** Die column (0–15) of a zero-based device index. */
  public static int dieX(int device) {
    return SITE_X[device % DEVICES_PER_WAFER];
  }

  /** Die row (0–15) of a zero-based device index. */
  public static int dieY(int device) {
    return SITE_Y[device % DEVICES_PER_WAFER];
  }

  /** {@code D00001} … {@code D10000} for device index 0 … 9,999. */
  public static String deviceId(int device) {
    return String.format(Locale.ROOT, "D%05d", device + 1);
  }

  /** {@code W001} … {@code W050} for wafer index 0 … 49. */
  public static String waferId(int wafer) {
    return String.format(Locale.ROOT, "W%03d", wafer + 1);
  }

  /** {@code LOT01}, {@code LOT02} for lot index 0, 1. */
  public static String lotId(int lot) {
    return String.format(Locale.ROOT, "LOT%02d", lot + 1);
  }
}
