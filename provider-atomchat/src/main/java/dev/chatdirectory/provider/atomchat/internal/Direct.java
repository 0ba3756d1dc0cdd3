package dev.chatdirectory.provider.atomchat.internal;

import dev.chatdirectory.ChatDirectoryException;
import feign.FeignException;
import java.util.function.Supplier;

/**
 * Runs a Feign call outside {@link dev.chatdirectory.http.HttpCallExecutor}, for the look-ups a
 * guarded create makes while the executor is deciding whether to repeat it: the API's exception
 * that Feign wrapped is thrown as itself.
 */
final class Direct {

    private Direct() {}

    static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (FeignException e) {
            if (e.getCause() instanceof ChatDirectoryException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
