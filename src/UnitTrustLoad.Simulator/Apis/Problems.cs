using Microsoft.AspNetCore.Http.HttpResults;

namespace UnitTrustLoad.Simulator.Apis;

/// <summary>The RFC 9457 answers the API gives, each with a stable problem type the client can branch on.</summary>
internal static class Problems
{
    public const string TypeBase = "https://unittrust-simulator.local/problems/";

    public static ProblemHttpResult UnknownInvestor(string clientIdentifier)
        => TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Investor not found.",
            detail: $"No investor is registered with ClientIdentifier '{clientIdentifier}'; register the investor first.",
            type: TypeBase + "unknown-investor");

    public static ProblemHttpResult AlreadyRegistered(string field, string value)
        => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Investor already registered.",
            detail: $"An investor with {field} '{value}' is already registered; use a different {field}.",
            type: TypeBase + "duplicate-investor");

    public static ProblemHttpResult AlreadyJoined(string clientIdentifier, string fundCode)
        => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Fund already joined.",
            detail: $"Investor '{clientIdentifier}' has already joined fund '{fundCode}'.",
            type: TypeBase + "already-joined");

    public static ProblemHttpResult NotJoined(string clientIdentifier, string fundCode)
        => TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Fund not joined.",
            detail: $"Investor '{clientIdentifier}' has not joined fund '{fundCode}'; call JoinFund first.",
            type: TypeBase + "fund-not-joined");

    public static ProblemHttpResult ReferenceConflict(string field, string reference)
        => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Reference already used for a different request.",
            detail: $"{field} '{reference}' was already used with a different body; send a new reference for a new request, or the identical body to replay.",
            type: TypeBase + "idempotency-conflict");

    public static ProblemHttpResult InsufficientBalance(string fundCode, decimal saleValue, decimal marketValue)
        => TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Insufficient balance.",
            detail: $"SaleValue {saleValue} exceeds the market value {marketValue} of the holding in fund '{fundCode}'.",
            type: TypeBase + "insufficient-balance");

    public static ProblemHttpResult BodyTooLarge(long? limit)
        => TypedResults.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request body too large.",
            detail: $"The request body is larger than the {limit ?? 0} bytes this API accepts; send only the documented fields.",
            type: TypeBase + "body-too-large");

    public static ProblemHttpResult NotJson()
        => TypedResults.Problem(
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Unsupported media type.",
            detail: "Send the body as JSON with the header 'Content-Type: application/json'.",
            type: TypeBase + "unsupported-media-type");

    public static ProblemHttpResult BadRequestBody(string reason)
        => TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Unreadable request body.",
            detail: reason,
            type: TypeBase + "unreadable-body");
}
