package dev.wafer.sql.server;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.servlet.ServletRequest;
import org.eclipse.jetty.security.AbstractLoginService;
import org.eclipse.jetty.server.UserIdentity;
import org.eclipse.jetty.util.security.Credential;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty login service over a {@link UsersFile}: HTTP BASIC credentials are checked against the
 * PBKDF2 hashes. A refused login is logged with the user name and remote address, never the
 * password, and reported to a listener (the metrics).
 *
 * <p>The Avatica thin driver sends BASIC credentials with every HTTP request, and a PBKDF2 check
 * costs a fraction of a second by design; so after a successful check the service remembers a
 * keyed SHA-256 of the password for {@value #VERIFIED_TTL_MINUTES} minutes, and a later request
 * with the same password is accepted by comparing that digest. The key is random per process,
 * so the in-memory digests are useless outside it.
 */
public final class PasswordLoginService extends AbstractLoginService {
  /** The role every authenticated user has; the server's constraint requires it. */
  public static final String ROLE = "wafer-user";
  static final long VERIFIED_TTL_MINUTES = 10;
  private static final Logger LOG = LoggerFactory.getLogger(PasswordLoginService.class);

  private final UsersFile users;
  private final Runnable onFailure;
  private final byte[] pepper = new byte[32];
  private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

  private record Verified(byte[] digest, long expiresNanos) {}

  public PasswordLoginService(UsersFile users, Runnable onFailure) {
    this.users = requireNonNull(users, "users");
    this.onFailure = requireNonNull(onFailure, "onFailure");
    new SecureRandom().nextBytes(pepper);
    setName("wafer");
  }

  @Override
  public UserIdentity login(String username, Object credentials, ServletRequest request) {
    UserIdentity id = super.login(username, credentials, request);
    if (id == null) {
      LOG.warn("authentication failed for user '{}' from {}", printable(username),
          request == null ? "?" : request.getRemoteAddr());
      onFailure.run();
    }
    return id;
  }

  @Override
  protected UserPrincipal loadUserInfo(String username) {
    return users.hash(username).map(h -> new UserPrincipal(username, new HashCredential(username, h))).orElse(null);
  }

  @Override
  protected String[] loadRoleInfo(UserPrincipal user) {
    return new String[] {ROLE};
  }

  private static String printable(String s) {
    if (s == null) {
      return "";
    }
    String t = s.length() > 64 ? s.substring(0, 64) + "…" : s;
    return t.replaceAll("\\p{Cntrl}", "?");
  }

  private byte[] digest(String password) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(pepper);
      return md.digest(password.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A user's stored hash as a Jetty credential, with the verified-password shortcut. */
  private final class HashCredential extends Credential {
    private static final long serialVersionUID = 1L;
    private final String user;
    private final transient PasswordHash hash;

    HashCredential(String user, PasswordHash hash) {
      this.user = user;
      this.hash = hash;
    }

    @Override
    public boolean check(Object credentials) {
      if (!(credentials instanceof String password)) {
        return false;
      }
      byte[] d = digest(password);
      Verified v = verified.get(user);
      long now = System.nanoTime();
      if (v != null && now < v.expiresNanos() && MessageDigest.isEqual(v.digest(), d)) {
        return true;
      }
      if (!hash.matches(password.toCharArray())) {
        return false;
      }
      verified.put(user, new Verified(d, now + TimeUnit.MINUTES.toNanos(VERIFIED_TTL_MINUTES)));
      return true;
    }
  }
}
