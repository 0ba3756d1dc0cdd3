/**
 * The CometChat v3 adapter's wire layer: the Feign interface of the REST endpoints, the request
 * bodies, the mapping of CometChat's JSON to the API's models, the error mapping by CometChat
 * error code, the Guice module and the directory implementation.
 *
 * <p>Not part of the API: everything here may change without notice. Facts come from the
 * project's CometChat v3 reference; where it marks one uncertain, the code says which safe choice
 * it made.
 */
package dev.chatdirectory.provider.cometchat.internal;
