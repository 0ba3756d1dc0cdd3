package dev.chatdirectory.testkit.proof;

import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.MemberOperations;
import dev.chatdirectory.model.BannedMember;
import dev.chatdirectory.model.BatchResult;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.provider.memory.MemoryChatDirectory;
import dev.chatdirectory.spi.ForwardingChatDirectory;
import dev.chatdirectory.testkit.ChatDirectoryContract;
import dev.chatdirectory.testkit.ContractBackend;
import dev.chatdirectory.testkit.ContractEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.EnumSet;

/**
 * A broken provider: it lacks {@link Capability#MEMBER_BANS} but calls the vendor before refusing
 * ban operations, as an adapter does when it checks capabilities on the vendor's error instead of
 * up front. The ban tests must fail on the request the proxy saw, not skip.
 */
class SendsBeforeRefusingContractFixture extends ChatDirectoryContract {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Override
    protected ContractBackend backend() {
        return MemoryBackend.withPresenceHook();
    }

    @Override
    protected ChatDirectory createDirectory(ContractEnvironment environment) {
        EnumSet<Capability> capabilities = EnumSet.allOf(Capability.class);
        capabilities.remove(Capability.MEMBER_BANS);
        URI bans = environment.baseUrl().resolve("/groups/bans");
        return new ForwardingChatDirectory(
                MemoryChatDirectory.builder().capabilities(capabilities).build()) {
            @Override
            public MemberOperations members() {
                return new ForwardingMembers(super.members()) {
                    @Override
                    public BatchResult ban(String groupId, Collection<String> userIds) {
                        send(bans);
                        return super.ban(groupId, userIds);
                    }

                    @Override
                    public BatchResult unban(String groupId, Collection<String> userIds) {
                        send(bans);
                        return super.unban(groupId, userIds);
                    }

                    @Override
                    public Page<BannedMember> listBanned(String groupId, PageRequest request) {
                        send(bans);
                        return super.listBanned(groupId, request);
                    }
                };
            }
        };
    }

    private static void send(URI uri) {
        try {
            HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
