using System.Text.Json;
using BufferLab.Simulator.Engine.Remote;
using StackExchange.Redis;

namespace BufferLab.Simulator.Web.Presenting;

/// <summary>
/// The store of a room of instances: each presentation's keys in Redis (its latest view with the
/// presenter's frame, its codes, its followers per instance, its quiz answers), all expiring with
/// it, and one pub/sub channel per presentation that tells every instance's followers of a change.
/// </summary>
public sealed class RedisPresentationStore(IConnectionMultiplexer redis) : IPresentationStore
{
    private const string Prefix = "bufferlab:presenting:";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Description => $"Redis at {string.Join(", ", redis.GetEndPoints().Select(e => e.ToString()))}";

    public Task CreateAsync(PresentedFrame first, string presenter, TimeSpan lifetime) => Guard(async db =>
    {
        await Task.WhenAll(
            db.StringSetAsync(Key(first.Code), JsonSerializer.Serialize(first, Json), lifetime),
            db.StringSetAsync(Key(first.Code) + ":presenter", presenter, lifetime),
            db.StringSetAsync(Prefix + "short:" + first.ShortCode, first.Code, lifetime),
            db.StringSetAsync(Prefix + "presenter:" + presenter, first.Code, lifetime)).ConfigureAwait(false);
        return true;
    });

    public Task<PresentedFrame?> GetAsync(string code) => Guard(async db =>
        await db.StringGetAsync(Key(code)).ConfigureAwait(false) is { HasValue: true } value ? JsonSerializer.Deserialize<PresentedFrame>(value.ToString(), Json) : null);

    public Task<string?> FindByShortCodeAsync(string shortCode) => Guard(async db => (string?)await db.StringGetAsync(Prefix + "short:" + shortCode).ConfigureAwait(false));

    public async Task<string?> FindByPresenterAsync(string presenter)
    {
        string? code = await Guard(async db => (string?)await db.StringGetAsync(Prefix + "presenter:" + presenter).ConfigureAwait(false)).ConfigureAwait(false);
        return code is not null && await GetAsync(code).ConfigureAwait(false) is { IsEnded: false } ? code : null;
    }

    public Task<string?> PresenterOfAsync(string code) => Guard(async db => (string?)await db.StringGetAsync(Key(code) + ":presenter").ConfigureAwait(false));

    public Task PublishAsync(PresentedFrame frame, TimeSpan lifetime) => Guard(async db =>
    {
        string code = frame.Code;
        string? presenter = await db.StringGetAsync(Key(code) + ":presenter").ConfigureAwait(false);
        if (presenter is null)
        {
            return false; // expired: nothing to keep alive
        }

        await Task.WhenAll(
            db.StringSetAsync(Key(code), JsonSerializer.Serialize(frame, Json), lifetime),
            db.KeyExpireAsync(Key(code) + ":presenter", lifetime),
            db.KeyExpireAsync(Key(code) + ":followers", lifetime),
            db.KeyExpireAsync(Prefix + "short:" + frame.ShortCode, lifetime),
            frame.IsEnded ? db.KeyDeleteAsync(Prefix + "presenter:" + presenter) : db.KeyExpireAsync(Prefix + "presenter:" + presenter, lifetime),
            redis.GetSubscriber().PublishAsync(Channel(code), JsonSerializer.Serialize(new PresentationSignal(frame with { Frame = null }, null), Json))).ConfigureAwait(false);
        return true;
    });

    public Task ReportFollowersAsync(string code, string instance, int count, TimeSpan freshFor) => Guard(async db =>
    {
        long freshUntil = DateTimeOffset.UtcNow.Add(freshFor).ToUnixTimeMilliseconds();
        await db.HashSetAsync(Key(code) + ":followers", instance, $"{count}:{freshUntil}").ConfigureAwait(false);
        return true;
    });

    public Task<int> CountFollowersAsync(string code, string? exceptInstance = null) => Guard(async db =>
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        HashEntry[] entries = await db.HashGetAllAsync(Key(code) + ":followers").ConfigureAwait(false);
        return entries.Where(e => e.Name != exceptInstance).Select(e => e.Value.ToString().Split(':')).Where(p => p.Length == 2 && long.TryParse(p[1], out long fresh) && fresh > now)
            .Sum(p => int.TryParse(p[0], out int count) ? count : 0);
    });

    public Task AnswerAsync(string code, int quizStep, string follower, QuizAnswer answer, TimeSpan lifetime) => Guard(async db =>
    {
        await Task.WhenAll(
            db.HashSetAsync(AnswersKey(code, quizStep), follower, JsonSerializer.Serialize(answer, Json)),
            db.KeyExpireAsync(AnswersKey(code, quizStep), lifetime),
            redis.GetSubscriber().PublishAsync(Channel(code), JsonSerializer.Serialize(new PresentationSignal(null, quizStep), Json))).ConfigureAwait(false);
        return true;
    });

    public Task<IReadOnlyList<QuizAnswer>> AnswersAsync(string code, int quizStep) => Guard(async db =>
    {
        RedisValue[] values = await db.HashValuesAsync(AnswersKey(code, quizStep)).ConfigureAwait(false);
        IReadOnlyList<QuizAnswer> answers = [.. values.Select(v => JsonSerializer.Deserialize<QuizAnswer>(v.ToString(), Json)).OfType<QuizAnswer>()];
        return answers;
    });

    public async Task<IAsyncDisposable> SubscribeAsync(string code, Action<PresentationSignal> onSignal)
    {
        RedisChannel channel = Channel(code);
        void Handler(RedisChannel _, RedisValue message)
        {
            if (JsonSerializer.Deserialize<PresentationSignal>(message.ToString(), Json) is { } signal)
            {
                onSignal(signal);
            }
        }

        await Guard(async _ =>
        {
            await redis.GetSubscriber().SubscribeAsync(channel, Handler).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
        return new AsyncAction(async () =>
        {
            try
            {
                await redis.GetSubscriber().UnsubscribeAsync(channel, Handler).ConfigureAwait(false);
            }
            catch (RedisException)
            {
                // Redis is gone: so is the subscription
            }
        });
    }

    private static string Key(string code) => Prefix + code;

    /// <summary>One hash per quiz step (follower → answer); each expires a grace period after its last answer.</summary>
    private static string AnswersKey(string code, int step) => $"{Prefix}{code}:answers:{step}";

    private static RedisChannel Channel(string code) => RedisChannel.Literal(Prefix + code);

    private async Task<T> Guard<T>(Func<IDatabase, Task<T>> action)
    {
        try
        {
            return await action(redis.GetDatabase()).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw new PresentingUnavailableException($"presenting is unavailable: {Description} does not answer ({e.Message.Split('\n')[0]}); stepping on your own works as before", e);
        }
    }
}
