/**
 * The {@code chatdirectory} command: providers and their capabilities, user and group listings
 * against a configured provider, the vendor emulators, and an offline demo. Tables for people,
 * {@code --json} for machines.
 */
package dev.chatdirectory.cli;
