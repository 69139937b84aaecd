using UnitTrustLoad.Http.Http11;

namespace UnitTrustLoad.Http.Tests.Http11;

/// <summary>The pool's lock-free last-in-first-out stack: order, slots, and no item ever handed out twice at once.</summary>
public sealed class IdleStackTests
{
    [Fact]
    public void The_last_item_pushed_is_the_first_popped()
    {
        var stack = new IdleStack<Item>(4);
        var items = Enumerable.Range(0, 3).Select(_ => new Item()).ToArray();
        foreach (var item in items)
        {
            stack.TryAssignSlot(item).ShouldBeTrue();
            stack.Push(item);
        }

        var popped = new List<Item>();
        while (stack.TryPop(out var item))
        {
            popped.Add(item);
        }

        popped.ShouldBe([items[2], items[1], items[0]]);
    }

    [Fact]
    public void Slots_are_bounded_by_the_capacity_and_a_released_slot_is_used_again()
    {
        var stack = new IdleStack<Item>(2);
        var (a, b, c) = (new Item(), new Item(), new Item());

        stack.TryAssignSlot(a).ShouldBeTrue();
        stack.TryAssignSlot(b).ShouldBeTrue();
        stack.TryAssignSlot(c).ShouldBeFalse();
        stack.ReleaseSlot(a);
        stack.TryAssignSlot(c).ShouldBeTrue();

        c.Slot.ShouldBe(0);
        a.Slot.ShouldBe(-1);
    }

    [Fact]
    public async Task Under_contention_no_item_is_ever_held_twice_and_none_is_lost()
    {
        const int Items = 6;
        var stack = new IdleStack<Item>(Items);
        for (var i = 0; i < Items; i++)
        {
            var item = new Item();
            stack.TryAssignSlot(item).ShouldBeTrue();
            stack.Push(item);
        }

        var doubles = 0;
        using var start = new Barrier(4);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait(TimeSpan.FromSeconds(10));
            for (var i = 0; i < 50_000; i++)
            {
                if (!stack.TryPop(out var item))
                {
                    continue;
                }

                if (Interlocked.Exchange(ref item.Held, 1) != 0)
                {
                    Interlocked.Increment(ref doubles);
                }

                Thread.SpinWait(i % 7);
                Volatile.Write(ref item.Held, 0);
                stack.Push(item);
            }
        })));

        var left = new HashSet<Item>();
        while (stack.TryPop(out var item))
        {
            left.Add(item).ShouldBeTrue("an item is on the stack once");
        }

        doubles.ShouldBe(0);
        left.Count.ShouldBe(Items);
    }

    private sealed class Item : ISlotted
    {
        public int Held;

        public int Slot { get; set; } = -1;
    }
}
