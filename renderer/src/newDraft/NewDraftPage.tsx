import { Alert, App, Button, Card, Col, Empty, Radio, Row, Space, Spin, Steps, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { CarryOverGroup } from '../../../shared/carryOver';
import { chinaToday } from '../../../shared/dates';
import { buildPrecheck, evaluatePrecheck } from '../../../shared/precheck';
import { engineFor } from '../../../shared/rules/engine';
import { errorMessage } from '../api/client';
import { navigate } from '../app/hashRoute';
import { useAppStore } from '../store';
import { mergePatches } from '../store/newDraftSlice';
import { DirectionStep } from './DirectionStep';
import { PrecheckQuestions } from './PrecheckQuestions';
import { PrecheckVerdict } from './PrecheckVerdict';
import { ProgramCard } from './ProgramCard';
import { StartStep } from './StartStep';
import { useCarryOver } from './useCarryOver';
import './newDraft.css';

const STEPS = ['申报指南', '计划类别', '支持方向', '资格预审', '预填与创建'];

/** 新建申报书: guideline → program → direction → eligibility pre-check → copy/profiles → the wizard. */
export function NewDraftPage() {
  const { message } = App.useApp();
  const state = useAppStore((s) => s.newDraft);
  const drafts = useAppStore((s) => s.drafts);
  const profiles = useAppStore((s) => s.profiles);
  const [step, setStep] = useState(0);
  const [loading, setLoading] = useState(true);
  const [creating, setCreating] = useState(false);
  // The radio follows the click at once; the pack arrives a moment later.
  const [chosenGuideline, setChosenGuideline] = useState<string | null>(null);
  const store = useAppStore.getState;

  useEffect(() => {
    void store()
      .resetNewDraft()
      .catch((e: unknown) => void message.error(`读取申报指南失败：${errorMessage(e)}`))
      .finally(() => setLoading(false));
    void store().loadAllDrafts();
    void store().loadProfiles();
  }, [store, message]);

  const { pack, programId, documentType } = state;
  const engine = useMemo(() => (pack && programId && documentType ? engineFor(pack, programId, documentType) : null), [pack, programId, documentType]);
  const program = engine?.resolved.program ?? null;
  const precheck = useMemo(() => (engine ? buildPrecheck(engine.resolved) : null), [engine]);
  const result = useMemo(
    () =>
      engine && pack
        ? evaluatePrecheck({ engine, packId: pack.id, packVersion: pack.version, directionPath: state.directionPath, today: chinaToday() }, state.answers)
        : null,
    [engine, pack, state.directionPath, state.answers],
  );
  const groups = (state.copyFrom?.groups ?? []) as CarryOverGroup[];
  const carry = useCarryOver(engine?.resolved ?? null, state.copyFrom?.draftId ?? null, groups);

  const canNext = [pack !== null, program !== null && documentType !== null, true, true, true][step] ?? false;

  const create = async (): Promise<void> => {
    setCreating(true);
    try {
      const unit = profiles.find((p) => p.id === state.unitProfileId);
      const person = profiles.find((p) => p.id === state.personProfileId);
      const name = state.projectName.trim();
      const patch = mergePatches(
        carry.result?.patch ?? {},
        { values: unit?.values ?? {} },
        { values: person?.values ?? {} },
        result?.prefill ?? {},
        { values: name ? { 'project.name': name } : {} },
      );
      const id = await store().createPrefilledDraft(patch);
      navigate({ name: 'editor', draftId: id });
    } catch (e) {
      void message.error(`创建失败：${errorMessage(e)}`);
    } finally {
      setCreating(false);
    }
  };

  const createBlank = async (): Promise<void> => {
    try {
      navigate({ name: 'editor', draftId: await store().createDraft() });
    } catch (e) {
      void message.error(`新建失败：${errorMessage(e)}`);
    }
  };

  if (loading) return <Spin tip="正在读取申报指南…" />;

  return (
    <div className="new-draft-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          新建申报书
        </Typography.Title>
        <Space>
          <Button onClick={() => void createBlank()}>暂不选择指南，创建空白草稿</Button>
          <Button onClick={() => navigate({ name: 'list' })}>返回草稿列表</Button>
        </Space>
      </Space>
      <Steps current={step} size="small" items={STEPS.map((title) => ({ title }))} style={{ marginBottom: 20 }} />

      {step === 0 &&
        (state.guidelines.length === 0 ? (
          <Empty description="本机还没有可申报的指南。请先导入申报指南包。" />
        ) : (
          <Radio.Group
            value={chosenGuideline ?? pack?.id}
            onChange={(e) => {
              const id = e.target.value as string;
              setChosenGuideline(id);
              void store()
                .chooseGuideline(id)
                .catch((err: unknown) => void message.error(`读取申报指南失败：${errorMessage(err)}`));
            }}
            aria-label="申报指南"
          >
            <Space direction="vertical">
              {state.guidelines.map((g) => (
                <Radio key={g.id} value={g.id}>
                  <strong>{g.title}</strong>
                  <Typography.Text type="secondary">
                    {' '}
                    {g.issuer} · {g.year} 年 · {g.programs.length} 个计划类别
                  </Typography.Text>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        ))}

      {step === 1 && pack && (
        <Row gutter={[12, 12]}>
          {pack.programs.map((p) => (
            <Col key={p.id} span={12}>
              <ProgramCard pack={pack} program={p} selected={p.id === programId} documentType={p.id === programId ? documentType : null} onChoose={(t) => store().chooseProgram(p.id, t)} />
            </Col>
          ))}
        </Row>
      )}

      {step === 2 && program && <DirectionStep directions={program.directions} value={state.directionPath} onChange={(directionPath) => store().updateNewDraft({ directionPath })} />}

      {step === 3 && precheck && result && (
        <Row gutter={24}>
          <Col span={11}>
            <Card size="small" title="请回答以下问题（根据本专项的硬性条件生成）">
              {precheck.questions.length === 0 ? (
                <Typography.Text type="secondary">本专项没有可预先判断的硬性条件。</Typography.Text>
              ) : (
                <PrecheckQuestions questions={precheck.questions} answers={state.answers} onChange={(answers) => store().updateNewDraft({ answers })} />
              )}
            </Card>
          </Col>
          <Col span={13}>
            <PrecheckVerdict result={result} />
          </Col>
        </Row>
      )}

      {step === 4 && <StartStep drafts={drafts} carry={carry.result} carryError={carry.error} />}

      {step === 2 && program && program.directions.length > 0 && state.directionPath.length === 0 && (
        <Alert
          className="new-draft-hint"
          type="warning"
          showIcon
          message="还没有选择支持方向"
          description="可以先创建草稿，稍后在申报书「基本信息」的顶部选择。指南要求写明支持方向的，未选择时问题清单会列出。"
        />
      )}

      <div className="new-draft-nav">
        {step > 0 && <Button onClick={() => setStep(step - 1)}>上一步</Button>}
        {step < STEPS.length - 1 && (
          <Button type="primary" disabled={!canNext} onClick={() => setStep(step + 1)}>
            下一步
          </Button>
        )}
        {step === STEPS.length - 1 && (
          <Button type="primary" loading={creating} onClick={() => void create()}>
            {result?.verdict === 'ineligible' ? '仍然创建草稿' : '创建并开始填写'}
          </Button>
        )}
      </div>
    </div>
  );
}
