/**
 * Emulator of the Qiscus Chat SDK server ("REST") API v2.1: users, rooms and room participants.
 *
 * <p>{@link dev.chatdirectory.emulator.qiscus.QiscusEmulator} serves the routes under {@code
 * /api/v2.1/rest/} with Qiscus's envelopes ({@code {"results": ..., "status": 200}} and {@code
 * {"error": {"message": ..., "detailed_messages": [...]}, "status": N}}), its authentication
 * headers and its quirks (string room ids, {@code room_options} as a JSON-encoded string, user ids
 * reported as {@code email} by {@code get_user_list}). The facts and the choices made where the
 * vendor documents nothing come from {@code shared/vendors/qiscus.md}; each choice is marked in
 * the code with the reference's tag ([INF], [UNK]).
 */
package dev.chatdirectory.emulator.qiscus;
