using System.Net;
using System.Text.Json.Nodes;

namespace UnitTrustLoad.Simulator.Tests.Support;

public static class ProblemAssertions
{
    /// <summary>Asserts an RFC 9457 validation problem naming <paramref name="fields"/>.</summary>
    public static void ShouldBeValidationProblem(this (HttpStatusCode Status, JsonNode? Body) answer, params string[] fields)
    {
        answer.Status.ShouldBe(HttpStatusCode.BadRequest, answer.Body?.ToJsonString());
        var errors = answer.Body!["errors"]!.AsObject();
        foreach (var field in fields)
        {
            errors.ContainsKey(field).ShouldBeTrue($"expected an error for {field} in {answer.Body.ToJsonString()}");
        }
    }

    /// <summary>Asserts a problem with the status and a type ending in <paramref name="typeSuffix"/>.</summary>
    public static void ShouldBeProblem(this (HttpStatusCode Status, JsonNode? Body) answer, HttpStatusCode status, string typeSuffix)
    {
        answer.Status.ShouldBe(status, answer.Body?.ToJsonString());
        answer.Body!["type"]!.GetValue<string>().ShouldEndWith(typeSuffix);
        answer.Body!["status"]!.GetValue<int>().ShouldBe((int)status);
        answer.Body!["title"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
    }
}
