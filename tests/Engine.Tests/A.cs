namespace T; public class A { [Fact] public void B() => Assert.True(FsCheck.Prop.ToProperty(true) is not null); }
