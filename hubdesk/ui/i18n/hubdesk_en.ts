<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ConsolePage</name>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>Last %n day</numerusform>
            <numerusform>Last %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ManagePage</name>
    <message numerus="yes">
        <source>The clock of PC %1 is %n day(s) ahead.</source>
        <translation>
            <numerusform>The clock of PC %1 is %n day ahead.</numerusform>
            <numerusform>The clock of PC %1 is %n days ahead.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The clock of PC %1 is %n hour(s) ahead.</source>
        <translation>
            <numerusform>The clock of PC %1 is %n hour ahead.</numerusform>
            <numerusform>The clock of PC %1 is %n hours ahead.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackCard</name>
    <message numerus="yes">
        <source>%n quiz(zes) mastered</source>
        <translation>
            <numerusform>%n quiz mastered</numerusform>
            <numerusform>%n quizzes mastered</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lesson(s) finished</source>
        <translation>
            <numerusform>%n lesson finished</numerusform>
            <numerusform>%n lessons finished</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportWords</name>
    <message numerus="yes">
        <source>Started “%1” but has not been back for %n day(s).</source>
        <translation>
            <numerusform>Started “%1” but has not been back for %n day.</numerusform>
            <numerusform>Started “%1” but has not been back for %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Has been on “%1” for %n day(s) without finishing it.</source>
        <translation>
            <numerusform>Has been on “%1” for %n day without finishing it.</numerusform>
            <numerusform>Has been on “%1” for %n days without finishing it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Answered the same question of the quiz in “%1” wrongly %n time(s) and has not mastered it yet.</source>
        <translation>
            <numerusform>Answered the same question of the quiz in “%1” wrongly %n time and has not mastered it yet.</numerusform>
            <numerusform>Answered the same question of the quiz in “%1” wrongly %n times and has not mastered it yet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SampleInstaller</name>
    <message numerus="yes">
        <source>%n course(s) are ready.</source>
        <translation>
            <numerusform>%n course is ready.</numerusform>
            <numerusform>%n courses are ready.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message numerus="yes">
        <source>%n result(s) for “%1”</source>
        <translation>
            <numerusform>%n result for “%1”</numerusform>
            <numerusform>%n results for “%1”</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message numerus="yes">
        <source> minute(s)</source>
        <translation>
            <numerusform> minute</numerusform>
            <numerusform> minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message numerus="yes">
        <source>Too many wrong tries. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many wrong tries. Try again in %n second.</numerusform>
            <numerusform>Too many wrong tries. Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusLine</name>
    <message numerus="yes">
        <source>%n event(s) waiting to go.</source>
        <translation>
            <numerusform>%n event waiting to go.</numerusform>
            <numerusform>%n events waiting to go.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
</context>
</TS>