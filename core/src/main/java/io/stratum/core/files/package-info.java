/**
 * Files sent to chats and users' avatars: streamed upload and download over REST
 * ({@link io.stratum.core.files.FileRoutes}, {@link io.stratum.core.files.AvatarRoutes},
 * {@link io.stratum.core.files.ChatAvatarRoutes}, all through
 * {@link io.stratum.core.files.UploadPipeline}), the {@code chat_file} and {@code user_avatar} records
 * that say who may read a file, and the storage adapters behind
 * {@link io.stratum.core.files.FileStore} (a local directory or an S3-compatible bucket, chosen by
 * {@code stratum.files.adapter}). A file's bytes never sit whole in memory: they flow from the request
 * to the store and from the store to the response with back-pressure. See ADR 0010.
 */
package io.stratum.core.files;
