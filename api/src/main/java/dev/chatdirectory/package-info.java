/**
 * The provider-neutral user-directory API: {@link dev.chatdirectory.ChatDirectory} and its facets
 * for users, presence, groups and members; capabilities; the unchecked exception hierarchy under
 * {@link dev.chatdirectory.ChatDirectoryException}; configuration and provider discovery.
 *
 * <p>This package depends on the JDK only. Models live in {@link dev.chatdirectory.model}, the
 * provider SPI in {@link dev.chatdirectory.spi}.
 */
package dev.chatdirectory;
