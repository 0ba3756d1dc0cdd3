package dev.chatdirectory.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatdirectory.Capability;
import dev.chatdirectory.ProviderRegistry;
import dev.chatdirectory.spi.CredentialSpec;
import dev.chatdirectory.spi.CredentialSpec.Kind;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists the providers on the class path and what each can do; reads no credentials, sends nothing. */
@Command(name = "providers", description = "Lists the providers on the class path and their capability matrix.")
final class ProvidersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON for machines instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ProviderRegistry registry = ProviderRegistry.load(getClass().getClassLoader());
        List<ProviderDescriptor> providers = registry.descriptors();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(toJson(providers)));
            out.flush();
            return 0;
        }
        List<String> header = new ArrayList<>(List.of("capability"));
        providers.forEach(p -> header.add(p.id()));
        Table table = new Table(header);
        for (Capability capability : Capability.values()) {
            List<String> row = new ArrayList<>(List.of(capability.name()));
            providers.forEach(p -> row.add(p.supports(capability) ? "yes" : "-"));
            table.row(row);
        }
        table.print(out);
        out.println();
        for (ProviderDescriptor p : providers) {
            out.printf(
                    "%s (%s): credentials %s; settings %s; page size %d (max %d); batch size %d%s%n",
                    p.id(),
                    p.displayName(),
                    properties(p, Kind.CREDENTIAL)
                            .map(ProvidersCommand::describe)
                            .toList(),
                    properties(p, Kind.SETTING).map(ProvidersCommand::describe).toList(),
                    p.limits().defaultPageSize(),
                    p.limits().maxPageSize(),
                    p.limits().maxBatchSize(),
                    p.unrecoverableCreates().isEmpty()
                            ? ""
                            : "; creates not checkable after a lost answer: " + p.unrecoverableCreates());
        }
        registry.loadErrors().forEach(e -> out.println("failed to load a provider: " + e));
        out.flush();
        return 0;
    }

    private static Stream<CredentialSpec> properties(ProviderDescriptor provider, Kind kind) {
        return provider.credentials().stream().filter(c -> c.kind() == kind);
    }

    private static String describe(CredentialSpec spec) {
        return spec.name() + (spec.required() ? "" : "?") + (spec.secret() ? " (secret)" : "");
    }

    private static ArrayNode toJson(List<ProviderDescriptor> providers) {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode array = mapper.createArrayNode();
        for (ProviderDescriptor p : providers) {
            ObjectNode node = array.addObject().put("id", p.id()).put("displayName", p.displayName());
            ArrayNode capabilities = node.putArray("capabilities");
            p.capabilities().forEach(c -> capabilities.add(c.name()));
            for (Kind kind : Kind.values()) {
                ArrayNode properties = node.putArray(kind == Kind.CREDENTIAL ? "credentials" : "settings");
                properties(p, kind)
                        .forEach(c -> properties
                                .addObject()
                                .put("name", c.name())
                                .put("required", c.required())
                                .put("secret", c.secret()));
            }
            ArrayNode unrecoverable = node.putArray("unrecoverableCreates");
            p.unrecoverableCreates().forEach(k -> unrecoverable.add(k.name()));
            node.putObject("limits")
                    .put("defaultPageSize", p.limits().defaultPageSize())
                    .put("maxPageSize", p.limits().maxPageSize())
                    .put("maxBatchSize", p.limits().maxBatchSize());
        }
        return array;
    }
}
