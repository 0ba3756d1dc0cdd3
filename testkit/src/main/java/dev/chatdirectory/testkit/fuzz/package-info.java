/**
 * Fuzzing for adapter authors, without a property-testing library: seeded generators of invalid
 * and tricky API inputs ({@link dev.chatdirectory.testkit.fuzz.FuzzValues}), the bad-input tests
 * every adapter inherits ({@link dev.chatdirectory.testkit.fuzz.BadInputFuzz}), mutated vendor
 * bodies ({@link dev.chatdirectory.testkit.fuzz.JsonMutator}, {@link
 * dev.chatdirectory.testkit.fuzz.MalformedResponses}), and their sizes and seeds ({@link
 * dev.chatdirectory.testkit.fuzz.FuzzRun}). Each writes its figures as a section of {@code
 * docs/reliability.md} ({@link dev.chatdirectory.testkit.ReliabilitySection}).
 */
package dev.chatdirectory.testkit.fuzz;
