namespace UnitTrustLoad.Simulator.Auth;

/// <summary>The Unit Trust API's OAuth2 scope: the one home of its name, for the token server and the clients it serves.</summary>
public static class ApiScope
{
    /// <summary>The scope a client requests and the API's policy requires.</summary>
    public const string Name = "innovaSuiteApi";
}
