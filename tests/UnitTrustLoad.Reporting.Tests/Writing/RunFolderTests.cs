using UnitTrustLoad.Reporting.Tests.Fixtures;

namespace UnitTrustLoad.Reporting.Tests.Writing;

public sealed class RunFolderTests
{
    [Fact]
    public void Create_names_the_folder_by_local_time_in_the_configured_zone_and_a_safe_test_name()
    {
        using var root = new TempFolder();

        var path = RunFolder.Create(root.Path, "journey smoke: v2/../prod*", SampleRun.StartedAt, SampleRun.Nairobi);

        Path.GetFileName(path).ShouldBe("20261125-065512_journey-smoke-v2-..-prod");
        Directory.Exists(path).ShouldBeTrue();
        Path.GetDirectoryName(path).ShouldBe(root.Path);
    }

    [Fact]
    public void Create_uses_the_zone_not_the_machine_clock_zone()
    {
        using var root = new TempFolder();

        var utc = RunFolder.Create(root.Path, "t", SampleRun.StartedAt, TimeZoneInfo.Utc);

        Path.GetFileName(utc).ShouldBe("20261125-035512_t");
    }

    [Fact]
    public void Create_twice_in_the_same_second_gives_two_folders()
    {
        using var root = new TempFolder();

        var first = RunFolder.Create(root.Path, "same", SampleRun.StartedAt, SampleRun.Nairobi);
        var second = RunFolder.Create(root.Path, "same", SampleRun.StartedAt, SampleRun.Nairobi);

        second.ShouldNotBe(first);
        Path.GetFileName(second).ShouldBe("20261125-065512_same-2");
    }

    [Fact]
    public void Create_with_an_empty_or_odd_name_still_makes_a_usable_folder()
    {
        using var root = new TempFolder();

        var path = RunFolder.Create(root.Path, "   ///  ", SampleRun.StartedAt, SampleRun.Nairobi);

        Path.GetFileName(path).ShouldBe("20261125-065512_test");
    }

    [Fact]
    public void CheckWritable_accepts_a_folder_it_can_create()
    {
        using var root = new TempFolder();

        RunFolder.CheckWritable(Path.Combine(root.Path, "reports", "nested")).ShouldBeNull();
        Directory.GetFileSystemEntries(Path.Combine(root.Path, "reports", "nested")).ShouldBeEmpty();
    }

    [Fact]
    public void CheckWritable_rejects_a_folder_under_a_regular_file_naming_it_and_the_fix()
    {
        using var root = new TempFolder();
        File.WriteAllText(root.File("blocker"), "a file, not a folder");
        var unwritable = Path.Combine(root.File("blocker"), "reports");

        var message = RunFolder.CheckWritable(unwritable);

        message.ShouldNotBeNull();
        message.ShouldContain(unwritable);
        message.ShouldContain("Fix:");
    }

    [Fact]
    public void CheckWritable_rejects_a_path_that_is_a_file()
    {
        using var root = new TempFolder();
        File.WriteAllText(root.File("reports"), "x");

        var message = RunFolder.CheckWritable(root.File("reports"));

        message.ShouldNotBeNull();
        message.ShouldContain("is a file");
    }

    [Fact]
    public void CheckWritable_rejects_an_empty_setting()
    {
        RunFolder.CheckWritable("  ").ShouldNotBeNull().ShouldContain("No report folder");
    }
}
