/** A modular application that needs one vendor: it names the provider's module, nothing else. */
module dev.example.directoryapp {
    requires dev.chatdirectory.provider.cometchat;
}
