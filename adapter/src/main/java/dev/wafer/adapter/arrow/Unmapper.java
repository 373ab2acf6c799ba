package dev.wafer.adapter.arrow;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.MappedByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unmaps a {@link MappedByteBuffer} at once instead of when the garbage collector gets to it, so
 * a long-running server does not keep thousands of stale mappings. Called only when Arrow's
 * reference count of the mapping has dropped to zero, i.e. no vector can read it any more.
 */
final class Unmapper {
  private static final Logger LOG = LoggerFactory.getLogger(Unmapper.class);
  private static final Object UNSAFE;
  private static final Method INVOKE_CLEANER;

  static {
    Object unsafe = null;
    Method clean = null;
    try {
      Class<?> c = Class.forName("sun.misc.Unsafe");
      Field f = c.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      unsafe = f.get(null);
      clean = c.getMethod("invokeCleaner", java.nio.ByteBuffer.class);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.debug("explicit unmapping unavailable; mappings are released by the garbage collector", e);
    }
    UNSAFE = unsafe;
    INVOKE_CLEANER = clean;
  }

  private Unmapper() {}

  static void unmap(MappedByteBuffer buffer) {
    if (INVOKE_CLEANER == null) {
      return;
    }
    try {
      INVOKE_CLEANER.invoke(UNSAFE, buffer);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.debug("unmapping failed; left to the garbage collector", e);
    }
  }
}
