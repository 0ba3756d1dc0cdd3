/**
 * Stateful fake servers of the chat vendors, built on WireMock.
 *
 * <p>Each emulator keeps an in-memory model of one vendor's user directory and answers with the
 * vendor's paths, headers, envelopes, status codes and quirks, so that adapters and applications
 * can be tested without a vendor account or network. Faults are injected through the underlying
 * {@link com.github.tomakehurst.wiremock.WireMockServer} returned by {@link
 * dev.chatdirectory.emulator.VendorEmulator#wireMock()}.
 */
package dev.chatdirectory.emulator;
