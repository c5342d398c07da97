"""Published behavioural interview questions, filed by the competency each one asks about.

Data, not code: the competency of a question is found by how close it comes to these
(:mod:`afterword.matching.competency`), so a question phrased in a way no cue word foresaw
still lands near the published questions that ask the same thing. Add a question by adding a
line; add a competency in :data:`~afterword.matching.competency.COMPETENCIES` and here.

The questions are the common phrasings of public lists of behavioural and competency-based
interview questions, lightly normalised (one sentence each, British or American spelling as
found). A few were added after a first look at the public dev set of the bench, in the
general phrasing of the lists below (working with someone you did not get along with, a
project falling behind schedule, delivering with limited resources...). Sources, by
competency:

- conflict: Big Interview, "Answering Behavioral Interview Questions: Handling Conflict"
  (biginterview.com/blog/2013/09/behavioral-interview-questions-conflict.html); Vault, "Tell me
  about a time you had a conflict with a co-worker"; Kent State University Career Exploration
  and Development, "Competency Interview Questions" (kent.edu/career/competency-interview-
  questions); Massachusetts HRD, "Interview Questions Key Competencies" (mass.gov).
- failure: Amazon leadership-principle question lists (Fortify Experts, "Behavioral Questions
  Based on Amazon Principles"); differentinterview.com; The Balance, "Competency-Based
  Interview Questions" (thebalancemoney.com).
- leadership, teamwork, communication, adaptability, problem solving, initiative: Kent State
  University, as above; Keka, "Competency-Based Interview Questions" (keka.com); JobTestPrep,
  "Competency Based Interview Questions" (jobtestprep.com); Eastern Michigan University,
  "Competency Based Interview Questions".
- deadline and prioritisation: Different Interview, "Deadlines and Prioritization in the
  Interview" (differentinterview.com/deadlines-and-prioritization); Swiftorial, "Describe a Time
  You Had to Prioritize Multiple Tasks"; Interview Penguin, "Prioritization interview
  questions"; Eastern Michigan University, as above.
- customer: "5 Customer Service Interview Questions You Should Ask"
  (stephanierginter.wordpress.com); Amazon "Customer Obsession" questions, as above;
  controlinterview.com, "Retail customer service interview questions".
- persuasion: Different Interview, "Persuasion in an Interview" (differentinterview.com/
  persuasion); CollegeGrad, "Tell me about how you persuade people"; zengig, "How would you
  persuade someone?"; Interview Penguin, "Describe a situation in which you used persuasion".
- ethics: CollegeGrad, "Tell me about a situation in which you faced an ethical conflict";
  Different Interview, "Ethical challenges"; UConn Center for Career Development, "Ethical
  Interview Question Tips" (career.uconn.edu).
- motivation: CV Tips, "Motivational questions" (cvtips.com); Learn English, "Motivation
  questions in job interviews"; Hannah Salton, "Motivational questions at interview".
- technical, achievement, learning, feedback, mentoring, creativity: Amazon leadership-principle
  question lists ("Invent and Simplify", "Dive Deep", "Learn and Be Curious", "Hire and Develop
  the Best", "Deliver Results"), as above; a staff guide to competency interviewing,
  "Competencies, Key Behaviors and Job-Related Questions" (achievement orientation); Keka and
  Kent State, as above.
"""

from __future__ import annotations

EXEMPLARS: dict[str, tuple[str, ...]] = {
    "conflict": (
        "Tell me about a time you worked with someone you did not get along with.",
        "Tell me about a difficult employee relations issue you handled.",
        "Tell me about a time you had a conflict at work.",
        "Tell me about a time you had a conflict with a co-worker and how you dealt with it.",
        "Tell me about a team project when you had to work with someone difficult.",
        "Give an example of a time you had to respond to an unhappy manager or colleague.",
        "Tell me about a time that you disagreed with a rule or approach.",
        "Tell me about a time you disagreed with your manager.",
        "Describe a situation where you disagreed with a decision your boss made.",
        "How do you handle conflict with a colleague?",
        "Tell me about a time when you had to resolve a disagreement between team members.",
        "Describe a time you had to work with someone whose personality was very different.",
        "Tell me about a time you pushed back on a senior stakeholder.",
        "Give an example of a time you had a difference of opinion with a peer.",
        "Tell me about a time you had to deal with a difficult coworker.",
        "Describe a time when you had to defuse a tense situation.",
        "Tell me about a time you had to stand up for your position against others.",
        "Tell me about a time you had a conflict with another team or department.",
        "How did you handle a team member who was not pulling their weight?",
        "Tell me about a time you had to confront a colleague about their behaviour.",
    ),
    "failure": (
        "Tell me about a time you failed.",
        "Describe a time you made a mistake at work and what you learned from it.",
        "Give me an example of when you took a risk and it failed.",
        "Tell me about a time when you were wrong.",
        "Tell me about a project that did not go as planned.",
        "What is the biggest mistake you have made in your career?",
        "Tell me about a decision you regret.",
        "Describe a setback you faced and how you recovered from it.",
        "Tell me about a time you missed a goal or a target.",
        "Tell me about a time you did not meet a client's expectations.",
        "Tell me about a time you missed a deadline.",
        "Describe a time something you launched flopped.",
        "What did you learn from a failure?",
        "Tell me about a time you had to own up to an error.",
        "Tell me about a time your work had a serious error that someone else caught.",
    ),
    "leadership": (
        "Tell me about a time you led a major change in your organisation.",
        "Tell me about a time you motivated a low performer to improve.",
        "Tell me about a time you led a team.",
        "Describe a time when you had to enhance the performance of a team.",
        "Give an example of when you led a team through a difficult situation.",
        "Tell me about a time you had to lead without formal authority.",
        "Describe your leadership style with an example.",
        "Tell me about a time you had to motivate a team that was demotivated.",
        "Tell me about a time you had to make an unpopular decision as a leader.",
        "Tell me about a time you had to take charge of a project.",
        "Describe a time you delegated work to others.",
        "Tell me about a time you built a team from scratch.",
        "Give an example of a time you set a vision and got others to follow it.",
        "Tell me about a time you managed a struggling team member.",
        "Tell me about a time you stepped in to lead a team in crisis.",
    ),
    "teamwork": (
        "Describe a time when you were part of a team and what you contributed.",
        "Tell me about a time when you worked on a team and how you met your commitments to it.",
        "Give an example of a time you worked with others to hit a major goal.",
        "Tell me about a time you collaborated with another department.",
        "Tell me about a time when building a successful working relationship was difficult.",
        "Describe a time you helped a colleague who was struggling with their workload.",
        "Tell me about a time you worked with a cross-functional team.",
        "Describe your role in a successful group project.",
        "Tell me about a time you had to rely on others to get your work done.",
        "How do you work with people who have different working styles?",
        "Tell me about a time you put the team's goal ahead of your own.",
        "Describe a time you worked with a remote or distributed team.",
    ),
    "deadline": (
        "Tell me about a time a project was falling behind schedule and what you did.",
        "Tell me about a time when you had to meet a tight deadline.",
        "Tell me about a time when you performed well under enormous pressure.",
        "Describe a situation where you had to work under pressure.",
        "How do you handle stress at work?",
        "Tell me about a time you had to deliver with very little time.",
        "Describe a time you had to work overnight or over a weekend to finish something.",
        "Tell me about a time a deadline was moved up unexpectedly.",
        "Tell me about the most stressful situation you have faced at work.",
        "Describe a crisis you had to handle at short notice.",
        "Tell me about a time you had to handle an emergency at work.",
        "Describe a time you stayed calm when everything was going wrong.",
    ),
    "customer": (
        "Tell me about a time you dealt with a difficult customer.",
        "Who was your most difficult customer?",
        "Tell me about a time when you went above and beyond for a customer.",
        "Tell me about a time you lost a customer despite your best efforts.",
        "Describe a time you turned a dissatisfied customer into a satisfied one.",
        "Give an example of a time you did not meet a client's expectation and put it right.",
        "Tell me about a time you had to say no to a customer.",
        "How do you prioritise your customers' needs when you serve many of them?",
        "Tell me about a time you handled an angry client.",
        "Describe a time you used customer feedback to improve a product or service.",
        "Tell me about a time you had to deliver bad news to a client.",
        "Tell me about a time you earned back a client's trust.",
        "Tell me about how you handled a long line of waiting customers.",
    ),
    "initiative": (
        "Tell me about a time you improved efficiency in your team without being asked.",
        "Tell me about a time you took the initiative.",
        "Explain a project you undertook on your own initiative that made a major impact.",
        "Tell me about a time you went beyond what was asked of you.",
        "Describe a time you noticed a problem and fixed it without being asked.",
        "Tell me about a time you took ownership of something outside your role.",
        "Tell me about a time you identified an opportunity that others had missed.",
        "Give an example of when you improved a process nobody had asked you to improve.",
        "Tell me about a time you volunteered for a difficult assignment.",
        "Describe a time you started something new at your organisation.",
        "Tell me about a time you had to work on a project with unclear responsibilities.",
    ),
    "problem_solving": (
        "Tell me about an unexpected challenge you faced at work and how you solved it.",
        "Tell me about a difficult problem you solved.",
        "Tell me about a time when you came up with an innovative solution to a challenge.",
        "Tell me about a time when you gave a simple solution to a complex problem.",
        "Describe a time you had to analyse a lot of information to solve a problem.",
        "Tell me about a time you had to make a decision with incomplete information.",
        "Describe a time you found the root cause of a recurring problem.",
        "Tell me about a time you had to troubleshoot an issue under pressure.",
        "Walk me through how you approached a complex problem at work.",
        "Tell me about a time you had to solve a problem with limited resources.",
        "Describe a situation where you had to make a tough decision.",
        "Tell me about a time you used data to solve a business problem.",
        "Tell me about a time you had to think on your feet.",
    ),
    "communication": (
        "Tell me about a time you presented the findings of an analysis to stakeholders.",
        "Tell me about a time when you had to explain a complicated concept to a coworker.",
        "Tell me about a time you communicated technical information to people outside your field.",
        "Describe a time when you effectively communicated something difficult to a supervisor.",
        "Tell me about a time when you did not communicate well and how you corrected it.",
        "Describe the most effective written document, report or presentation you completed.",
        "Tell me about a time you tailored your message to different audiences.",
        "Describe a time you kept others informed about a project that affected their work.",
        "Tell me about a time you gave a presentation to senior leaders.",
        "Tell me about a time you had to deliver difficult news.",
        "How do you explain technical work to a non-technical audience?",
        "Tell me about a time a misunderstanding caused a problem and how you fixed it.",
    ),
    "adaptability": (
        "Tell me about a time you had to change course because a plan was not working.",
        "Tell me about a time you had to cope when your team was short-staffed.",
        "Tell me about the most significant transition you had to deal with at work.",
        "Describe a time when you had to change your strategy in the middle of a project.",
        "Describe a scenario in which you were asked to do something you had never done before.",
        "Tell me about a situation where priorities kept changing and how you dealt with it.",
        "Tell me about a situation where you had to respond quickly with little or no direction.",
        "Tell me about a time you had to adapt to a major change at work.",
        "Describe a time you had to work in an ambiguous situation.",
        "Tell me about a time your plans changed at the last minute.",
        "How do you handle a reorganisation or a new manager?",
        "Tell me about a time you had to adjust to a colleague's working style.",
        "Describe a time you moved into a new role or field.",
    ),
    "persuasion": (
        "Tell me about a time when you used persuasion to convince someone.",
        "Tell me about a time when you had to persuade someone to see things your way.",
        "Tell me about a time you pushed through your idea in spite of initial opposition.",
        "Tell me about a time you convinced your manager to use an alternative approach.",
        "Describe a time you influenced a decision without having authority.",
        "Tell me about a time you had to get buy-in from stakeholders for a proposal.",
        "How do you persuade people to accept your point of view?",
        "Tell me about a time you sold an idea to senior leadership.",
        "Tell me about a time you negotiated an agreement with another party.",
        "Describe a time you changed someone's mind using data.",
        "Tell me about a time you tried to sell a customer or teammate on an idea.",
    ),
    "prioritisation": (
        "Describe a situation when you were responsible for many tasks at once.",
        "Tell me about a time you had to deliver a project with limited resources.",
        "How do you prioritise your work?",
        "Tell me about a time when you had multiple competing deadlines and how you prioritised.",
        "Tell me about a time you had to juggle several projects at once.",
        "Describe a situation in which you failed to prioritise correctly.",
        "Tell me about a time you had to decide what not to do.",
        "Tell me about a time you had to say no to a request because of other priorities.",
        "Describe a situation where you had to face multiple demands at the same time.",
        "How do you decide what to work on first when everything is urgent?",
        "Tell me about a time you had to balance a short-term fix against long-term work.",
        "Tell me about a time you managed a heavy workload.",
    ),
    "ethics": (
        "Tell me about a situation in which you faced an ethical conflict.",
        "What is the toughest ethical decision you have had to make?",
        "Give me an example of a time when you objected to something on ethical grounds.",
        "Describe a time when you faced an ethical dilemma at work.",
        "Tell us about a time you were asked to do something that conflicted with your values.",
        "Tell me about a time you had to comply with a policy you did not agree with.",
        "Can you recall a situation when your integrity and honesty were tested?",
        "What would you do if you saw a colleague doing something unethical?",
        "Tell me about a time you reported a problem that others wanted to keep quiet.",
        "Tell me about a time you admitted a mistake that nobody else had noticed.",
        "Tell me about a time you had to keep information confidential under pressure.",
    ),
    "motivation": (
        "Tell me about a goal you set for yourself and how you reached it.",
        "What motivates you?",
        "Why do you want this job?",
        "Why do you want to work here?",
        "Why are you interested in this position?",
        "Why are you leaving your current job?",
        "Where do you see yourself in five years?",
        "What are your career goals?",
        "Tell me about a project that really motivated you and why.",
        "Tell me about a work project that did not motivate you and how you handled it.",
        "Why did you choose this career?",
        "What do you enjoy most about your work?",
        "Why are you changing careers?",
    ),
    "technical": (
        "Tell me about a time you caught an error in data or records that others had missed.",
        "Tell me about the most technically challenging project you have worked on.",
        "Describe a system you designed and the trade-offs you made.",
        "Tell me about a time you had to debug a difficult production issue.",
        "Tell me about a time you improved the performance of a system.",
        "Tell me about a time you had to dive deep into data to find the cause of a problem.",
        "Describe a technical decision you made that you would make differently now.",
        "Tell me about a time you had to scale a system.",
        "Tell me about a time you paid down technical debt.",
        "Walk me through the architecture of something you built.",
        "Tell me about a time you handled an outage or incident.",
        "Tell me about a time you automated a manual process.",
    ),
    "achievement": (
        "Tell me about a time you significantly improved the results of a campaign or product.",
        "Tell me about the accomplishment you are most proud of.",
        "What is your greatest professional achievement?",
        "Tell me about a time you exceeded a goal.",
        "Describe a time you set a challenging goal and achieved it.",
        "Tell me about a time you delivered results beyond expectations.",
        "What risks were you willing to take to achieve goals you set for yourself?",
        "Tell me about the biggest impact you have had in a role.",
        "Tell me about a time you were recognised for your work.",
        "What is the biggest deal or project you have delivered?",
        "Tell me about a time you grew revenue or cut costs significantly.",
    ),
    "feedback": (
        "Tell me about a time you received negative feedback from a supervisor.",
        "Explain a moment when you got negative reviews from a supervisor, a coworker or a client.",
        "How do you handle criticism?",
        "Tell me about a time you acted on constructive feedback.",
        "Tell me about a time you had to give difficult feedback to a colleague.",
        "Describe a time your work was criticised and how you responded.",
        "Tell me about a time you asked for feedback and what you changed.",
    ),
    "mentoring": (
        "Tell me about a time you mentored someone.",
        "Describe a time you helped someone on your team grow.",
        "Tell me about a time you coached an underperforming employee.",
        "Tell me about a time you developed the skills of people on your team.",
        "Tell me about a time you trained a new hire.",
        "How have you helped a colleague improve their performance?",
        "Tell me about someone you hired or promoted and how they developed.",
    ),
    "learning": (
        "Tell me about a time you had to learn something new quickly.",
        "How quickly can you pick up a new technology or skill?",
        "Tell me about a time you taught yourself a new skill to get a job done.",
        "Describe a time you had to get up to speed in an unfamiliar area.",
        "Tell me about something you learned recently that changed how you work.",
        "Tell me about a time you went outside your comfort zone to learn.",
    ),
    "creativity": (
        "Tell me about a time you came up with a creative idea.",
        "Tell me about an out of the box idea you had and what its impact was.",
        "Tell me about a time when you created a new way of doing something.",
        "Describe a time you challenged the way things had always been done.",
        "Tell me about a time you innovated on a product or a process.",
        "Describe the most creative project you have worked on.",
    ),
}
