package dev.chatdirectory.emulator.atomchat;

import dev.chatdirectory.emulator.EmulatorResponse;

/** One authenticated v2 endpoint, called with the request's form fields under the directory lock. */
@FunctionalInterface
interface Endpoint {

    /**
     * Answers one call.
     *
     * @param form the request's form fields
     * @return the vendor's answer
     */
    EmulatorResponse handle(FormFields form);
}
