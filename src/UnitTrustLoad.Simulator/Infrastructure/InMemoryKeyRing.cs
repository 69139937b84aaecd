using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace UnitTrustLoad.Simulator.Infrastructure;

/// <summary>
/// The data-protection key ring, kept in memory: nothing the simulator protects outlives a start, so no key is written
/// to the user's home (~/.aspnet/DataProtection-Keys) and the framework has no reason to warn that one is unencrypted.
/// </summary>
internal sealed class InMemoryKeyRing : IXmlRepository
{
    private readonly List<XElement> _elements = [];
    private readonly Lock _lock = new();

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (_lock)
        {
            return [.. _elements.Select(e => new XElement(e))];
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        lock (_lock)
        {
            _elements.Add(new XElement(element));
        }
    }
}
