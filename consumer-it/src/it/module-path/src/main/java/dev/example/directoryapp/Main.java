package dev.example.directoryapp;

import dev.chatdirectory.ChatDirectories;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;

/** Opens the directory configured in the environment (ServiceLoader finds the provider) and creates a user. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        try (ChatDirectory directory = ChatDirectories.openFromEnvironment()) {
            directory.users().create(UserCreate.builder(args[0], args[1]).build());
            User user = directory.users().get(args[0]).orElseThrow();
            System.out.println(directory.provider().id() + " " + user.id() + " " + user.name() + " "
                    + Main.class.getModule().getName() + " "
                    + ChatDirectory.class.getModule().getName());
        }
    }
}
