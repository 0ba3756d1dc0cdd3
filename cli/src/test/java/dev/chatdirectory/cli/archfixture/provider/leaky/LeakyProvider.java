package dev.chatdirectory.cli.archfixture.provider.leaky;

import com.google.inject.Module;
import com.google.inject.util.Modules;

/** Breaks the rule on purpose: a Guice type in a public signature of a provider's root package. */
public final class LeakyProvider {

    /** The vendor's base URL, read by its internal module (which the rules forbid). */
    public static final String BASE_URL = "https://leaky.example";

    /** {@return a Guice module, which no provider's public API may expose} */
    public Module module() {
        return Modules.EMPTY_MODULE;
    }
}
