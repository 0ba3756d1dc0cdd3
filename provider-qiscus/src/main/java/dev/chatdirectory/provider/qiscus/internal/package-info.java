/**
 * Internals of the Qiscus provider: the Feign interface of the server API v2.1 and its request
 * bodies, the JSON mapper, the error mapper, the Guice module and the directory with its facets.
 * Nothing here is a stable API.
 */
package dev.chatdirectory.provider.qiscus.internal;
