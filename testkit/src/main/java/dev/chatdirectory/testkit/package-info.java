/**
 * The ChatDirectory contract test kit: the suite every provider must pass, its canonical data set
 * and AssertJ assertions for the models.
 *
 * <p>Adapter authors extend {@link dev.chatdirectory.testkit.ChatDirectoryContract}, build their
 * directory in its one abstract method, and describe their emulator with {@link
 * dev.chatdirectory.testkit.ContractBackend}. The kit runs every test through a recording WireMock
 * proxy ({@link dev.chatdirectory.testkit.ContractEnvironment}) so it can prove that invalid and
 * unsupported requests send nothing. {@link dev.chatdirectory.testkit.CanonicalDataSet} is the
 * directory every provider is tested with; {@link dev.chatdirectory.testkit.ChatDirectoryAssertions}
 * gives {@code assertThat} for users, groups, pages, batch results and presence.
 *
 * <p>This is a normal artifact: depend on it with test scope.
 */
package dev.chatdirectory.testkit;
