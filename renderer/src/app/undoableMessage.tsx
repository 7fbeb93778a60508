import { Button } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';

/**
 * A success message with 撤销 beside it, for actions that are easy to regret (移到回收站, 移除附件):
 * 撤销 closes the message before it runs, so it cannot be pressed twice.
 */
export function undoableMessage(message: MessageInstance, key: string, text: string, undo: () => void): void {
  void message.open({
    key,
    type: 'success',
    duration: 8,
    content: (
      <span>
        {text}
        <Button
          type="link"
          size="small"
          onClick={() => {
            message.destroy(key);
            undo();
          }}
        >
          撤销
        </Button>
      </span>
    ),
  });
}
