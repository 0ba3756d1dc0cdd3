package dev.chatdirectory.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserQuery;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists the users of a configured directory. */
@Command(name = "users", description = "Lists users of the configured provider, page by page.")
final class UsersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DirectoryOptions directory;

    @Option(names = "--search", description = "Only users whose id or name starts with this text.")
    String search;

    @Mixin
    ListingOptions listing;

    @Override
    public Integer call() throws Exception {
        UserQuery.Builder query = UserQuery.builder().search(search);
        if (listing.pageSize != null) {
            query.pageSize(listing.pageSize);
        }
        List<User> users;
        try (ChatDirectory dir = directory.open()) {
            users = dir.users().stream(query.build()).limit(listing.limit).toList();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (listing.json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode array = mapper.createArrayNode();
            for (User u : users) {
                var node = array.addObject().put("id", u.id()).put("name", u.name());
                u.avatarUrl().ifPresent(v -> node.put("avatarUrl", v));
                u.profileUrl().ifPresent(v -> node.put("profileUrl", v));
                u.email().ifPresent(v -> node.put("email", v));
                u.role().ifPresent(v -> node.put("role", v));
                node.set("metadata", mapper.valueToTree(u.metadata()));
                u.createdAt().ifPresent(v -> node.put("createdAt", v.toString()));
            }
            out.println(mapper.writeValueAsString(array));
        } else {
            Table table = new Table(List.of("id", "name", "role", "created"));
            users.forEach(u -> table.row(List.of(
                    u.id(),
                    u.name(),
                    u.role().orElse(""),
                    u.createdAt().map(Instant::toString).orElse(""))));
            table.print(out);
            out.printf("%d user(s)%n", users.size());
        }
        out.flush();
        return 0;
    }
}
