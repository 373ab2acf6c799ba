package dev.wafer.sql.server;

import static java.util.Objects.requireNonNull;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2-HMAC-SHA256 password hash as stored in the users file: {@code
 * pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>}. Only the JDK's crypto is used, so
 * the file can be written and checked anywhere Java runs.
 *
 * @param iterations PBKDF2 rounds
 * @param salt random salt
 * @param hash derived key
 */
public record PasswordHash(int iterations, byte[] salt, byte[] hash) {
  /** Prefix naming the scheme in the stored form. */
  public static final String SCHEME = "pbkdf2-sha256";
  /** Rounds for new hashes (OWASP's 2023 figure for PBKDF2-HMAC-SHA256). */
  public static final int DEFAULT_ITERATIONS = 600_000;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  public PasswordHash {
    requireNonNull(salt, "salt");
    requireNonNull(hash, "hash");
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be positive: " + iterations);
    }
    salt = salt.clone();
    hash = hash.clone();
  }

  /** Hashes a new password with a fresh random salt. */
  public static PasswordHash create(char[] password, int iterations) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return new PasswordHash(iterations, salt, derive(password, salt, iterations));
  }

  /**
   * Parses the stored form.
   *
   * @throws IllegalArgumentException naming what is wrong (never echoing the hash)
   */
  public static PasswordHash parse(String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      throw new IllegalArgumentException("expected " + SCHEME + "$<iterations>$<salt>$<hash>");
    }
    try {
      return new PasswordHash(Integer.parseInt(parts[1]), Base64.getDecoder().decode(parts[2]),
          Base64.getDecoder().decode(parts[3]));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed " + SCHEME + " entry: " + e.getMessage(), e);
    }
  }

  /** True when {@code password} hashes to this hash (compared in constant time). */
  public boolean matches(char[] password) {
    return MessageDigest.isEqual(hash, derive(password, salt, iterations));
  }

  /** The stored form. */
  public String encode() {
    return SCHEME + "$" + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$"
        + Base64.getEncoder().encodeToString(hash);
  }

  @Override
  public byte[] salt() {
    return salt.clone();
  }

  @Override
  public byte[] hash() {
    return hash.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PasswordHash p && p.iterations == iterations && Arrays.equals(p.salt, salt)
        && Arrays.equals(p.hash, hash);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(salt) + Arrays.hashCode(hash) + iterations;
  }

  @Override
  public String toString() {
    return SCHEME + "(" + iterations + " rounds)";
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable in this JVM", e);
    } finally {
      spec.clearPassword();
    }
  }
}
