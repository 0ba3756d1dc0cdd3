/**
 * The provider SPI: what an adapter implements ({@link dev.chatdirectory.spi.ChatDirectoryProvider}),
 * how it describes itself ({@link dev.chatdirectory.spi.ProviderDescriptor}: capabilities,
 * credentials, id rules, limits), and the shared request checks every adapter wraps its
 * directories with ({@link dev.chatdirectory.spi.GuardedChatDirectory}).
 */
package dev.chatdirectory.spi;
