using Microsoft.Playwright;

namespace BufferLab.Simulator.E2E;

/// <summary>
/// Blazor circuits through nginx in front of two instances sharing Redis: browsers land on both
/// instances and their pages work; and a page prerendered by one instance starts its circuit on
/// the other (the first page of a browser without the owner cookie is placed by the request, its
/// circuit by the cookie that page set), which needs the data-protection keys the instances share.
/// </summary>
[Collection(RoomGroup.Name)]
public sealed class RoomTests(RoomFixture room)
{
    private const string Stratum = "/stratum?scenario=readme-case3&seed=1";

    [Fact]
    public async Task TwoBrowsersOnTwoInstancesEachStepTheirOwnPage()
    {
        IPage one = await room.OpenOnAsync("1", Stratum);
        IPage two = await room.OpenOnAsync("2", Stratum);

        await one.GetByTestId("step-button").ClickAsync();
        await Expect.TextAsync(one.GetByTestId("step-counter"), "step 1 of 14");
        await two.GetByTestId("step-button").ClickAsync();
        await two.GetByTestId("step-button").ClickAsync();
        await Expect.TextAsync(two.GetByTestId("step-counter"), "step 2 of 14");
        await Expect.TextAsync(one.GetByTestId("step-counter"), "step 1 of 14"); // each its own session
        Assert.Equal("instance 1", await one.GetByTestId("instance-name").InnerTextAsync());
        Assert.Equal("instance 2", await two.GetByTestId("instance-name").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(two, "room-instance-2");
        await one.Context.CloseAsync();
        await two.Context.CloseAsync();
    }

    [Fact]
    public async Task APagePrerenderedByOneInstanceRunsItsCircuitOnTheOther()
    {
        // A fresh browser's first page goes where the balancer's request id hashes, its circuit
        // where the new owner cookie hashes: a coin toss each time, so try until they differ.
        for (int attempt = 0; attempt < 30; attempt++)
        {
            (IPage page, IResponse response) = await room.OpenFreshAsync(Stratum);
            string prerendered = (await response.HeaderValueAsync("x-bufferlab-instance"))!;
            await page.WaitForSelectorAsync("html[data-interactive]");
            string circuit = (await page.GetByTestId("instance-name").InnerTextAsync()).Replace("instance ", "", StringComparison.Ordinal);
            if (circuit == prerendered)
            {
                await page.Context.CloseAsync();
                continue;
            }

            Assert.Contains(prerendered, RoomFixture.InstanceNames);
            Assert.Contains(circuit, RoomFixture.InstanceNames);
            await page.GetByTestId("step-button").ClickAsync();
            await Expect.TextAsync(page.GetByTestId("step-counter"), "step 1 of 14");
            await page.GetByTestId("step-button").ClickAsync();
            await Expect.TextAsync(page.GetByTestId("step-counter"), "step 2 of 14");
            Assert.True(await room.KeysInRedisAsync() >= 1, "the instances' data-protection keys are not in Redis");
            await page.Context.CloseAsync();
            return;
        }

        Assert.Fail("in 30 fresh browsers the prerender and the circuit always hit the same instance: is the balancer hashing on the owner cookie?");
    }
}
