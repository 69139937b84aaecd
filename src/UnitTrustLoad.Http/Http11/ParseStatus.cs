namespace UnitTrustLoad.Http.Http11;

/// <summary>How far a response could be read from the bytes received so far.</summary>
internal enum ParseStatus
{
    Incomplete,
    Complete,
    Malformed,
}
