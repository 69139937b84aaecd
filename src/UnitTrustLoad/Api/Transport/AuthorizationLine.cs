using System.Text;

namespace UnitTrustLoad.Api.Transport;

/// <summary>"Authorization: Bearer ...\r\n" encoded once per token; swapped when the token cache hands out a new one.</summary>
internal sealed class AuthorizationLine(AccessToken token, byte[] bytes)
{
    public AccessToken Token { get; } = token;

    public byte[] Bytes { get; } = bytes;

    public static AuthorizationLine For(AccessToken token)
        => new(token, Encoding.ASCII.GetBytes("Authorization: " + token.Authorization + "\r\n"));
}
