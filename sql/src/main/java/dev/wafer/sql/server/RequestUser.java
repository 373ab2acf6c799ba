package dev.wafer.sql.server;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Carries the authenticated user and remote address of the HTTP request being served to the
 * Avatica meta on the same thread (Avatica's handlers are synchronous), for the query log.
 */
public final class RequestUser extends HandlerWrapper {
  private static final ThreadLocal<String[]> CURRENT = new ThreadLocal<>();

  /** The user of the request on this thread, or {@code "anonymous"} without authentication. */
  public static String user() {
    String[] c = CURRENT.get();
    return c == null ? "anonymous" : c[0];
  }

  /** The remote address of the request on this thread, or null outside a request. */
  public static String remote() {
    String[] c = CURRENT.get();
    return c == null ? null : c[1];
  }

  @Override
  public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    String user = request.getRemoteUser();
    CURRENT.set(new String[] {user == null ? "anonymous" : user, request.getRemoteAddr()});
    try {
      super.handle(target, base, request, response);
    } finally {
      CURRENT.remove();
    }
  }
}
