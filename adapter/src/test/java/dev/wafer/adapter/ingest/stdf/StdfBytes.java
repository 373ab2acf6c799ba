package dev.wafer.adapter.ingest.stdf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds STDF files byte by byte for tests, in either byte order (written independently of the decoder). */
final class StdfBytes {
  private final ByteOrder order;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private ByteArrayOutputStream body;

  StdfBytes(ByteOrder order) {
    this.order = order;
    begin(0, 10).u1(order == ByteOrder.BIG_ENDIAN ? 1 : 2).u1(4).end();
  }

  private int recTyp;
  private int recSub;

  StdfBytes begin(int typ, int sub) {
    body = new ByteArrayOutputStream();
    recTyp = typ;
    recSub = sub;
    return this;
  }

  /** Ends the record: writes its header (length of the body) and body. */
  StdfBytes end() {
    byte[] b = body.toByteArray();
    out.writeBytes(ByteBuffer.allocate(4).order(order)
        .putShort((short) b.length).put((byte) recTyp).put((byte) recSub).array());
    out.writeBytes(b);
    return this;
  }

  StdfBytes u1(int v) {
    body.write(v);
    return this;
  }

  StdfBytes u2(int v) {
    body.writeBytes(ByteBuffer.allocate(2).order(order).putShort((short) v).array());
    return this;
  }

  StdfBytes u4(long v) {
    body.writeBytes(ByteBuffer.allocate(4).order(order).putInt((int) v).array());
    return this;
  }

  StdfBytes r4(float v) {
    body.writeBytes(ByteBuffer.allocate(4).order(order).putFloat(v).array());
    return this;
  }

  StdfBytes cn(String s) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    body.write(b.length);
    body.writeBytes(b);
    return this;
  }

  /** Raw bytes into the current record body. */
  StdfBytes raw(byte... b) {
    body.writeBytes(b);
    return this;
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  // ---- whole records

  StdfBytes mir(String lot, String node, long startT) {
    begin(1, 10).u4(startT).u4(startT).u1(1).u1('P').u1(' ').u1(' ').u2(0).u1(' ')
        .cn(lot).cn("PART").cn(node).cn("TTYPE").cn("PROG").cn("REV").cn("").cn("")
        .cn("").cn("").cn("WS1");
    return end();
  }

  StdfBytes wir(int head, long startT, String wafer) {
    return begin(2, 10).u1(head).u1(255).u4(startT).cn(wafer).end();
  }

  StdfBytes wrr(int head, long parts, long good, String wafer) {
    return begin(2, 20).u1(head).u1(255).u4(0).u4(parts).u4(0).u4(0).u4(good).u4(0).cn(wafer).end();
  }

  StdfBytes pir(int head, int site) {
    return begin(5, 10).u1(head).u1(site).end();
  }

  StdfBytes prr(int head, int site, int flags, int hard, int soft, int x, int y, long testT, String partId) {
    return begin(5, 20).u1(head).u1(site).u1(flags).u2(1).u2(hard).u2(soft).u2(x).u2(y)
        .u4(testT).cn(partId).end();
  }

  /** A PTR with everything up to HI_SPEC. */
  StdfBytes ptr(long num, int head, int site, int testFlg, int parmFlg, float result, String txt,
      int opt, int resScal, float lo, float hi, String units, float loSpec, float hiSpec) {
    return begin(15, 10).u4(num).u1(head).u1(site).u1(testFlg).u1(parmFlg).r4(result).cn(txt)
        .cn("").u1(opt).u1(resScal).u1(0).u1(0).r4(lo).r4(hi).cn(units).cn("").cn("").cn("")
        .r4(loSpec).r4(hiSpec).end();
  }

  /** A PTR that stops after TEST_TXT, as testers write after the first of a test. */
  StdfBytes shortPtr(long num, int head, int site, int testFlg, float result, String txt) {
    return begin(15, 10).u4(num).u1(head).u1(site).u1(testFlg).u1(0).r4(result).cn(txt).end();
  }

  StdfBytes mrr() {
    return begin(1, 20).u4(0).u1(' ').end();
  }
}
