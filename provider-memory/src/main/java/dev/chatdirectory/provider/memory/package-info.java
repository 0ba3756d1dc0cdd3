/**
 * The in-memory reference provider, id {@code memory}: every capability, thread-safe, no network.
 *
 * <p>It defines the portable semantics the other providers are tested against, and it is the
 * fake that applications use in their own tests: open it with {@code
 * MemoryChatDirectory.builder().build()} or through discovery with provider id {@code memory}.
 * It is never picked implicitly by discovery.
 */
package dev.chatdirectory.provider.memory;
