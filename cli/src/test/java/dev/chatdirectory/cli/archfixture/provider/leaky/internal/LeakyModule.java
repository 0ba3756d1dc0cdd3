package dev.chatdirectory.cli.archfixture.provider.leaky.internal;

import dev.chatdirectory.cli.archfixture.provider.leaky.LeakyProvider;

/** Breaks the rules on purpose: an internal class that imports its provider's root package, and Guice's @Inject. */
public final class LeakyModule {

    private final LeakyProvider provider;

    /** Creates the module. */
    @com.google.inject.Inject
    public LeakyModule() {
        this.provider = new LeakyProvider();
    }

    /** {@return the provider} */
    public LeakyProvider provider() {
        return provider;
    }
}
