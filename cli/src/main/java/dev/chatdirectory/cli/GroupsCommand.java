package dev.chatdirectory.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.PageRequest;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists the groups of a configured directory. */
@Command(
        name = "groups",
        description = "Lists groups of the configured provider, page by page: all of them, or those of one member"
                + " (--member; the way to find groups on a provider that cannot list them all, such as Qiscus).")
final class GroupsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DirectoryOptions directory;

    @Mixin
    ListingOptions listing;

    @Option(names = "--member", paramLabel = "USER", description = "List only the groups this user is a member of.")
    String memberId;

    @Override
    public Integer call() throws Exception {
        List<Group> groups;
        try (ChatDirectory dir = directory.open()) {
            groups = groups(dir).limit(listing.limit).toList();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (listing.json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode array = mapper.createArrayNode();
            for (Group g : groups) {
                var node = array.addObject()
                        .put("id", g.id())
                        .put("name", g.name())
                        .put("type", g.type().name());
                g.ownerId().ifPresent(v -> node.put("ownerId", v));
                g.description().ifPresent(v -> node.put("description", v));
                g.memberCount().ifPresent(v -> node.put("memberCount", v));
                node.set("metadata", mapper.valueToTree(g.metadata()));
            }
            out.println(mapper.writeValueAsString(array));
        } else {
            Table table = new Table(List.of("id", "name", "type", "owner", "members"));
            groups.forEach(g -> table.row(List.of(
                    g.id(),
                    g.name(),
                    g.type().name(),
                    g.ownerId().orElse(""),
                    g.memberCount().isPresent() ? String.valueOf(g.memberCount().getAsInt()) : "")));
            table.print(out);
            out.printf("%d group(s)%n", groups.size());
        }
        out.flush();
        return 0;
    }

    private Stream<Group> groups(ChatDirectory dir) {
        if (memberId != null) {
            PageRequest request = listing.pageSize == null ? PageRequest.first() : PageRequest.ofSize(listing.pageSize);
            return dir.groups().streamForMember(memberId, request);
        }
        GroupQuery.Builder query = GroupQuery.builder();
        if (listing.pageSize != null) {
            query.pageSize(listing.pageSize);
        }
        return dir.groups().stream(query.build());
    }
}
