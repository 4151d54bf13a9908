package org.rrp.workflow.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * REST callers' credentials this node verified a moment ago, with the groups and tenants they had then, so a burst of
 * calls with HTTP Basic does not cost three engine transactions each (password, groups, tenants). Bounded (the least
 * recently used goes first) and short-lived; never the password itself, only a keyed hash of it (the key is random
 * and lives in this node's memory only). Every identity operation on this node empties it when it commits
 * ({@link IdentityChanges}), so a changed password, a removed membership or a deleted user takes effect on the next
 * call here; another node's copy lasts at most its time-to-live.
 */
public final class VerifiedCredentials {

  /** What was verified: the keyed hash of the password, the user's groups and tenants, and when. */
  record Entry(byte[] passwordHash, List<String> groupIds, List<String> tenantIds, Instant verifiedAt) {
  }

  private final int capacity;
  private final Duration timeToLive;
  private final Clock clock;
  private final SecretKeySpec key;
  private final Map<String, Entry> entries;
  /** Advanced by every identity change: a verification that began before a change is not remembered after it. */
  private long generation;

  public VerifiedCredentials(int capacity, Duration timeToLive, Clock clock) {
    this.capacity = capacity;
    this.timeToLive = timeToLive;
    this.clock = clock;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > VerifiedCredentials.this.capacity;
      }
    };
  }

  /** The user's groups and tenants when this password was verified for them within the time-to-live. */
  synchronized Optional<Entry> verified(String userId, String password) {
    Entry entry = entries.get(userId);
    if (entry == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(entry.verifiedAt().plus(timeToLive))) {
      entries.remove(userId);
      return Optional.empty();
    }
    return MessageDigest.isEqual(entry.passwordHash(), hash(password)) ? Optional.of(entry) : Optional.empty();
  }

  /** The identity changes seen so far: read before verifying, given back when remembering. */
  synchronized long generation() {
    return generation;
  }

  /** Remembers what was verified, unless an identity changed since {@code generationBefore} was read. */
  synchronized void remember(String userId, String password, List<String> groupIds, List<String> tenantIds,
      long generationBefore) {
    if (generationBefore == generation) {
      entries.put(userId, new Entry(hash(password), List.copyOf(groupIds), List.copyOf(tenantIds), clock.instant()));
    }
  }

  /** After any identity change (user, password, group, membership, tenant): the next call of everyone is verified. */
  synchronized void forgetAll() {
    generation++;
    entries.clear();
  }

  synchronized int size() {
    return entries.size();
  }

  private byte[] hash(String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
