namespace UnitTrustLoad.Http;

/// <summary>What an <see cref="HttpAnswer"/> gives back when it is disposed: a connection to its pool, a rented buffer.</summary>
internal interface IAnswerOwner
{
    void Return(object? lease);
}
