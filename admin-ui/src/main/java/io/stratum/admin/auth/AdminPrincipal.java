package io.stratum.admin.auth;

/**
 * The administrator behind a request, as found from its session.
 *
 * @param id          administrator id
 * @param username    login
 * @param rights      what they may do
 * @param totpEnabled whether a second factor is set up
 * @param sessionHash the SHA-256 of the session token (identifies this session)
 * @param csrfToken   the token state-changing requests of this session must carry
 * @param ip          the client address of this request
 */
public record AdminPrincipal(long id, String username, Rights rights, boolean totpEnabled, String sessionHash,
        String csrfToken, String ip) {
}
