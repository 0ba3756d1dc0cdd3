/**
 * The portable models: users, presence, groups, members and bans; create and update requests
 * with patch semantics; queries, pages and per-item batch outcomes.
 *
 * <p>Every type is an immutable, thread-safe value. Read models ({@link dev.chatdirectory.model.User},
 * {@link dev.chatdirectory.model.Group}) accept whatever the vendor stored; request types ({@link
 * dev.chatdirectory.model.UserCreate}, {@link dev.chatdirectory.model.GroupUpdate}, ...) validate
 * themselves on construction and throw {@link dev.chatdirectory.InvalidRequestException} naming
 * the field and the rule before anything is sent.
 */
package dev.chatdirectory.model;
