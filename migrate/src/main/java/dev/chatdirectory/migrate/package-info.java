/**
 * The migration engine: copies a whole directory from any provider to any other, planned (with a
 * loss report before any write), resumable from a SQLite journal, and verified.
 *
 * <p>Start with {@link dev.chatdirectory.migrate.Migration}.
 */
package dev.chatdirectory.migrate;
