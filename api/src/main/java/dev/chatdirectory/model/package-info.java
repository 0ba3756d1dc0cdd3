/**
 * The portable models: users, presence, groups, members and bans; create and update requests
 * with patch semantics; queries, pages and per-item batch outcomes.
 *
 * <p>Every type is an immutable, thread-safe value. Read models ({@link dev.chatdirectory.model.User},
 * {@link dev.chatdirectory.model.Group}) accept whatever the vendor stored; request types ({@link
 * dev.chatdirectory.model.UserCreate}, {@link dev.chatdirectory.model.GroupUpdate}, ...) validate
 * themselves on construction and throw {@link dev.chatdirectory.InvalidRequestException} naming
 * the field and the rule before anything is sent, {@code null} arguments included; {@link
 * dev.chatdirectory.model.TextRules} and {@link dev.chatdirectory.model.JsonValues} hold the rules
 * on characters and metadata.
 *
 * <p>Read models and results ({@code User}, {@code Group}, {@code Member}, {@code BannedMember},
 * {@code Presence}, {@code Page}, {@code ItemOutcome}, {@code BatchResult}) are built by adapters
 * from vendor answers, not from callers' input: a {@code null} required component there is a bug
 * in the adapter, so they throw {@link java.lang.NullPointerException} as the JDK's own records and
 * collections do. What a vendor may really send wrong is checked by the adapters' decoding and by
 * {@link dev.chatdirectory.spi.GuardedChatDirectory}, which turn it into {@link
 * dev.chatdirectory.ProviderProtocolException}.
 */
package dev.chatdirectory.model;
