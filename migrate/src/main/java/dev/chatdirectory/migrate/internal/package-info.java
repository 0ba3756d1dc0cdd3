/**
 * Engine internals: the journal, id translation, content projection and the planner, applier and
 * verifier. Not an API: anything here may change without notice.
 */
package dev.chatdirectory.migrate.internal;
