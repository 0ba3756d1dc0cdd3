package dev.example.team;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import java.util.List;

/**
 * A consumer's application code: it knows ChatDirectory, never a vendor. The swap projects compile
 * this one file against different providers.
 */
public final class TeamOnboarding {

    private final ChatDirectory directory;

    public TeamOnboarding(ChatDirectory directory) {
        this.directory = directory;
    }

    /** Creates the user and returns it as the directory now reports it. */
    public User onboard(String id, String name) {
        directory.users().create(UserCreate.builder(id, name).build());
        return directory.users().get(id).orElseThrow();
    }

    /** Returns the ids of every user, across pages. */
    public List<String> everyone() {
        return directory.users().stream(UserQuery.all()).map(User::id).toList();
    }
}
