/**
 * Files in chats: streamed upload from a path or a stream ({@code POST /api/v1/chats/{chat}/files})
 * and streamed download ({@code GET /api/v1/files/{file}}); no file is ever held whole in memory.
 */
package io.stratum.client.files;
