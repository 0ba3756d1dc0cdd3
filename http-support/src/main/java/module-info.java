/**
 * What every HTTP adapter shares. Open because Guice, Jackson and Feign reach the adapters' wiring
 * and wire types by reflection.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
open module dev.chatdirectory.http {
    requires transitive dev.chatdirectory;
    // In HttpDirectoryBuilder's signatures (overrideWith takes a Guice Module) and the adapters' wire code.
    requires transitive com.google.guice;
    requires transitive feign.core;
    requires transitive com.fasterxml.jackson.databind;
    requires transitive jakarta.inject;
    // Guice is an automatic module and cannot declare that it needs Guava: whoever requires Guice
    // must, or Guava is never resolved on the module path and Guice fails at its first injector.
    requires com.google.common;
    requires feign.jackson;
    requires com.fasterxml.jackson.datatype.jdk8;
    requires transitive java.net.http;
    requires org.slf4j;

    exports dev.chatdirectory.http;
}
