package dev.chatdirectory.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.model.Member;
import dev.chatdirectory.model.MemberQuery;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Lists the members of one group of a configured directory. */
@Command(
        name = "members",
        description = "Lists the members of a group of the configured provider, with their roles, page by page.")
final class MembersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DirectoryOptions directory;

    @Mixin
    ListingOptions listing;

    @Parameters(index = "0", paramLabel = "GROUP", description = "The id of the group, as `groups` lists it.")
    String groupId;

    @Override
    public Integer call() throws Exception {
        MemberQuery query = listing.pageSize == null ? MemberQuery.all() : MemberQuery.pageSize(listing.pageSize);
        List<Member> members;
        try (ChatDirectory dir = directory.open()) {
            members = dir.members().stream(groupId, query).limit(listing.limit).toList();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (listing.json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode array = mapper.createArrayNode();
            for (Member m : members) {
                var node = array.addObject()
                        .put("userId", m.userId())
                        .put("role", m.role().name());
                m.name().ifPresent(v -> node.put("name", v));
                m.joinedAt().ifPresent(v -> node.put("joinedAt", v.toString()));
            }
            out.println(mapper.writeValueAsString(array));
        } else {
            Table table = new Table(List.of("user", "name", "role", "joined"));
            members.forEach(m -> table.row(List.of(
                    m.userId(),
                    m.name().orElse(""),
                    m.role().name(),
                    m.joinedAt().map(Object::toString).orElse(""))));
            table.print(out);
            out.printf("%d member(s) of %s%n", members.size(), groupId);
        }
        out.flush();
        return 0;
    }
}
